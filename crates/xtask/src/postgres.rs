//! A throwaway PostgreSQL cluster for the API tests: created under /tmp, listening on a free
//! loopback port, fsync off, stopped and removed when dropped. `initdb` refuses to run as root,
//! so as root the cluster belongs to the `postgres` user.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context;

use crate::cmd;

pub struct TestCluster {
    bin: PathBuf,
    dir: PathBuf,
    as_postgres_user: bool,
    pub url: String,
}

impl TestCluster {
    pub fn start(bin: &Path) -> anyhow::Result<TestCluster> {
        let as_postgres_user = cmd::output_of("id", &["-u"]).as_deref() == Some("0");
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        // Not TMPDIR: as root it may point where the postgres user cannot enter.
        let dir = Path::new("/tmp").join(format!("passplus-pg-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        if as_postgres_user {
            cmd::run(Command::new("chown").args(["postgres:postgres"]).arg(&dir))?;
        }
        let cluster = TestCluster {
            bin: bin.to_path_buf(),
            dir: dir.clone(),
            as_postgres_user,
            url: format!("postgres://postgres@127.0.0.1:{port}"),
        };
        let data = dir.join("data");
        cmd::run(
            cluster
                .command("initdb")
                .args([
                    "--auth=trust",
                    "--username=postgres",
                    "--encoding=UTF8",
                    "--no-sync",
                    "-D",
                ])
                .arg(&data),
        )?;
        let options = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
            dir.display()
        );
        cmd::run(
            cluster
                .command("pg_ctl")
                .args(["-w", "-D"])
                .arg(&data)
                .arg("-l")
                .arg(dir.join("server.log"))
                .args(["-o", &options, "start"]),
        )
        .context("starting the test PostgreSQL server")?;
        Ok(cluster)
    }

    fn command(&self, program: &str) -> Command {
        let program = self.bin.join(program);
        let mut command = if self.as_postgres_user {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(program);
            command
        } else {
            Command::new(program)
        };
        // The postgres user may not be allowed into the caller's working directory.
        command.current_dir(&self.dir);
        command
    }
}

impl Drop for TestCluster {
    fn drop(&mut self) {
        let _ = self
            .command("pg_ctl")
            .args(["-D"])
            .arg(self.dir.join("data"))
            .args(["-m", "immediate", "stop"])
            .status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
