//! An upload of a pupil with a "photo", sent by hand over TCP so that its end can be held back:
//! the server sees a family's upload under way for as long as the test wants.

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::pupils::{pupil, COLLEGE_92};

const BOUNDARY: &str = "limite-de-partie";

pub struct HeldUpload {
    stream: TcpStream,
    end: String,
}

impl HeldUpload {
    /// Sends the pupil and `photo_bytes` of a photo, everything but the closing boundary, with
    /// the `Cookie` header `cookie`. The photo has a JPEG signature, then bytes no decoder
    /// accepts: the answer will be a 422.
    pub async fn start(address: &str, cookie: &str, photo_bytes: usize) -> HeldUpload {
        let pupil = pupil("Léa", (14, 3, 2014), COLLEGE_92, false);
        let head = format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"pupil\"\r\n\r\n{pupil}\r\n\
             --{BOUNDARY}\r\nContent-Disposition: form-data; name=\"photo\"; \
             filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
        );
        let end = format!("\r\n--{BOUNDARY}--\r\n");
        let mut photo = vec![0x5Au8; photo_bytes];
        photo[..3].copy_from_slice(&[0xFF, 0xD8, 0xFF]);
        let host = address.trim_start_matches("http://");
        let request = format!(
            "POST /api/pupils HTTP/1.1\r\nHost: {host}\r\nOrigin: {address}\r\nCookie: {cookie}\r\n\
             Content-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {}\r\n\r\n",
            head.len() + photo.len() + end.len()
        );
        let mut stream = TcpStream::connect(host).await.unwrap();
        stream.write_all(request.as_bytes()).await.unwrap();
        stream.write_all(head.as_bytes()).await.unwrap();
        stream.write_all(&photo).await.unwrap();
        HeldUpload { stream, end }
    }

    /// Sends the end and reads the status line of the answer.
    pub async fn finish(mut self) -> String {
        self.stream.write_all(self.end.as_bytes()).await.unwrap();
        let mut answer = vec![0u8; 64];
        let read = self.stream.read(&mut answer).await.unwrap();
        String::from_utf8_lossy(&answer[..read])
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    }
}
