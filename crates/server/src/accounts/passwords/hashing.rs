//! Password hashing with argon2id at the OWASP parameters (19 MiB, 2 passes, 1 lane). Each hash
//! takes tens of milliseconds and 19 MiB: two threads of their own do every hash, one request
//! after the other, so that a burst of logins cannot exhaust the server's memory.
//!
//! Their own threads rather than tokio's blocking pool, and each its own 19 MiB of argon2 memory,
//! allocated once and reused: when argon2 allocated at each hash, the allocator kept a freed
//! block in every pool thread that had hashed (hundreds of MiB after a burst of logins), and on
//! two threads logins were slower (most likely from clearing a reused block before each hash).
//! Measured by `cargo xtask bench` (BENCHMARKS.md).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::{Arc, Condvar, LazyLock, Mutex};

use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};

fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid OWASP parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// How many hashes run at once (one per core of the reference machine).
const HASHING_THREADS: usize = 2;

type Job = Box<dyn FnOnce() + Send>;

/// Jobs waiting in one lane at most: beyond, a request is told to come back (503) rather than
/// wait behind seconds of hashing. At about 80 hashes a second, a full lane is under a second.
const LANE_CAPACITY: usize = 64;

/// The two kinds of work, served in turn so that neither can starve the other: checking a
/// password (logins, current passwords) and hashing a new one (signups, changes, resets). A
/// flood of signups fills its own lane only; logins keep at least every other turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lane {
    Check,
    New,
}

#[derive(Default)]
struct Lanes {
    check: VecDeque<Job>,
    new: VecDeque<Job>,
    /// Which lane goes first when both wait.
    check_next: bool,
}

impl Lanes {
    fn lane(&mut self, lane: Lane) -> &mut VecDeque<Job> {
        match lane {
            Lane::Check => &mut self.check,
            Lane::New => &mut self.new,
        }
    }

    /// Queues a job in its lane, unless the lane is full.
    fn push(&mut self, lane: Lane, job: Job) -> Result<(), HashingError> {
        let waiting = self.lane(lane);
        if waiting.len() >= LANE_CAPACITY {
            return Err(HashingError::Busy);
        }
        waiting.push_back(job);
        Ok(())
    }

    fn next_job(&mut self) -> Option<Job> {
        let (first, second) = if self.check_next {
            (Lane::Check, Lane::New)
        } else {
            (Lane::New, Lane::Check)
        };
        let job = match self.lane(first).pop_front() {
            Some(job) => Some(job),
            None => self.lane(second).pop_front(),
        };
        self.check_next = !self.check_next;
        job
    }
}

struct Queue {
    lanes: Mutex<Lanes>,
    ready: Condvar,
}

/// The queue of the hashing threads, started at the first hash.
static HASHING: LazyLock<Arc<Queue>> = LazyLock::new(|| {
    let queue = Arc::new(Queue {
        lanes: Mutex::new(Lanes::default()),
        ready: Condvar::new(),
    });
    for index in 0..HASHING_THREADS {
        let queue = Arc::clone(&queue);
        std::thread::Builder::new()
            .name(format!("password-hashing-{index}"))
            .spawn(move || loop {
                // The lock is held only while taking the next job, not while hashing.
                let job = {
                    let Ok(mut lanes) = queue.lanes.lock() else {
                        return;
                    };
                    loop {
                        if let Some(job) = lanes.next_job() {
                            break job;
                        }
                        lanes = match queue.ready.wait(lanes) {
                            Ok(lanes) => lanes,
                            Err(_) => return,
                        };
                    }
                };
                // A job that panics drops its answer (the request fails); the thread stays.
                drop(std::panic::catch_unwind(std::panic::AssertUnwindSafe(job)));
            })
            .expect("a hashing thread starts");
    }
    queue
});

/// Why a hash was not done.
#[derive(Debug)]
pub enum HashingError {
    /// Its lane is full: the request may come back in a moment (503 with `Retry-After`).
    Busy,
    Failed(anyhow::Error),
}

impl std::fmt::Display for HashingError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HashingError::Busy => formatter.write_str("the hashing queue is full"),
            HashingError::Failed(error) => write!(formatter, "hashing failed: {error:#}"),
        }
    }
}

impl std::error::Error for HashingError {}

impl From<anyhow::Error> for HashingError {
    fn from(error: anyhow::Error) -> Self {
        HashingError::Failed(error)
    }
}

/// Queues a job in its lane, unless the lane is full.
fn queue_job(lane: Lane, job: Job) -> Result<(), HashingError> {
    let mut lanes = HASHING
        .lanes
        .lock()
        .map_err(|_| anyhow::anyhow!("the hashing queue is poisoned"))?;
    lanes.push(lane, job)?;
    drop(lanes);
    HASHING.ready.notify_one();
    Ok(())
}

/// Compared with when an address has no account, so that the answer takes as long.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_now("not the password of anyone").expect("hashing works"));

thread_local! {
    /// This hashing thread's argon2 memory. Argon2 writes every block before reading it, so it
    /// needs no clearing between hashes.
    static MEMORY: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// The passwords hashed, for tests that must see a hash happen (no timing in tests).
#[cfg(test)]
static HASHED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// The argon2 output of `password` with `salt`, in this thread's memory.
fn argon2_output(
    hasher: &Argon2,
    password: &str,
    salt: &[u8],
    output_len: usize,
) -> anyhow::Result<Output> {
    #[cfg(test)]
    HASHED.lock().unwrap().push(password.to_owned());
    MEMORY.with_borrow_mut(|memory| {
        memory.resize(hasher.params().block_count(), Block::default());
        Output::init_with(output_len, |out| {
            hasher
                .hash_password_into_with_memory(password.as_bytes(), salt, out, &mut memory[..])
                .map_err(|_| argon2::password_hash::Error::Crypto)
        })
        .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
    })
}

/// A new PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) for `password`.
fn hash_now(password: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| anyhow::anyhow!("no randomness for the salt: {e}"))?;
    let salt_string = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    let hasher = argon2();
    let output = argon2_output(&hasher, password, &salt, Params::DEFAULT_OUTPUT_LEN)?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(hasher.params())
            .map_err(|e| anyhow::anyhow!("parameters: {e}"))?,
        salt: Some(salt_string.as_salt()),
        hash: Some(output),
    };
    Ok(phc.to_string())
}

/// Whether `password` gives the hash of `stored`, with the algorithm and parameters it names
/// (so hashes made with other parameters keep working). The comparison is constant-time.
fn matches(password: &str, stored: &str) -> anyhow::Result<bool> {
    let stored = PasswordHash::new(stored).map_err(|e| anyhow::anyhow!("stored hash: {e}"))?;
    let invalid = |e: &dyn std::fmt::Display| anyhow::anyhow!("stored hash: {e}");
    let algorithm = Algorithm::try_from(stored.algorithm).map_err(|e| invalid(&e))?;
    let version = match stored.version {
        Some(version) => Version::try_from(version).map_err(|e| invalid(&e))?,
        None => Version::default(),
    };
    let params = Params::try_from(&stored).map_err(|e| invalid(&e))?;
    let (Some(salt), Some(expected)) = (stored.salt, stored.hash) else {
        anyhow::bail!("stored hash without salt or output");
    };
    let mut salt_bytes = [0u8; 64];
    let salt = salt.decode_b64(&mut salt_bytes).map_err(|e| invalid(&e))?;
    let hasher = Argon2::new(algorithm, version, params);
    Ok(argon2_output(&hasher, password, salt, expected.len())? == expected)
}

/// Runs `work` on a hashing thread, in turn, and waits for it without blocking the async threads.
/// A request that has gone by its turn (timed out, client disconnected) is skipped: the queue
/// holds at most one job per open request, and a burst costs no work for nobody.
async fn off_the_async_threads<T: Send + 'static>(
    lane: Lane,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, HashingError> {
    let (answer, answered) = tokio::sync::oneshot::channel();
    queue_job(
        lane,
        Box::new(move || {
            if !answer.is_closed() {
                let _ = answer.send(work());
            }
        }),
    )?;
    Ok(answered
        .await
        .map_err(|_| anyhow::anyhow!("the hashing job failed (it panicked)"))?)
}

pub async fn hash(password: String) -> Result<String, HashingError> {
    Ok(off_the_async_threads(Lane::New, move || hash_now(&password)).await??)
}

/// Whether `password` matches `stored`; with no stored hash, spends the same time and says no.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, HashingError> {
    let matches = off_the_async_threads(Lane::Check, move || {
        let (stored, exists) = match stored {
            Some(stored) => (stored, true),
            None => (DUMMY_HASH.clone(), false),
        };
        // Compared first, whatever `exists` says: an unknown address must cost a hash too.
        anyhow::Ok(matches(&password, &stored)? && exists)
    })
    .await??;
    Ok(matches)
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Barrier;

    /// The tests share the process's one queue: those that fill it or hold its threads run one
    /// at a time, so that no other test meets a full lane.
    static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

    /// Keeps every hashing thread busy until the returned barrier is passed by the caller too.
    /// Waits for the lanes to be empty first.
    fn occupy_every_hashing_thread() -> Occupied {
        // Otherwise a thread may take other work before its barrier job.
        loop {
            let lanes = HASHING.lanes.lock().unwrap();
            if lanes.check.is_empty() && lanes.new.is_empty() {
                break;
            }
            drop(lanes);
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        let gate = Arc::new(Barrier::new(HASHING_THREADS + 1));
        for _ in 0..HASHING_THREADS {
            let gate = Arc::clone(&gate);
            queue_job(
                Lane::Check,
                Box::new(move || {
                    gate.wait();
                }),
            )
            .unwrap();
        }
        Occupied(Some(gate))
    }

    /// The hashing threads held at a barrier; released by `wait`, or when dropped (a test that
    /// fails must not leave them held: every later test would wait for them).
    struct Occupied(Option<Arc<Barrier>>);

    impl Occupied {
        fn wait(mut self) {
            if let Some(gate) = self.0.take() {
                gate.wait();
            }
        }
    }

    impl Drop for Occupied {
        fn drop(&mut self) {
            if let Some(gate) = self.0.take() {
                gate.wait();
            }
        }
    }

    /// Returns once every job queued so far is done: both threads seen free, each taking one
    /// of two barrier jobs queued once the lanes were empty.
    fn wait_until_idle() {
        occupy_every_hashing_thread().wait();
    }

    #[test]
    fn a_full_lane_refuses_more_work_and_leaves_the_other_lane_open() {
        let mut lanes = Lanes::default();
        for _ in 0..LANE_CAPACITY {
            lanes.push(Lane::New, Box::new(|| {})).unwrap();
        }
        assert!(matches!(
            lanes.push(Lane::New, Box::new(|| {})),
            Err(HashingError::Busy)
        ));
        // Logins still get in, and are served at the next turn or the one after.
        lanes.push(Lane::Check, Box::new(|| {})).unwrap();
        let mut turns_before_the_login = 0;
        while lanes.check.len() == 1 {
            drop(lanes.next_job().unwrap());
            turns_before_the_login += 1;
        }
        assert!(turns_before_the_login <= 2, "{turns_before_the_login}");
        // Once a job is taken, the full lane has room again.
        assert!(lanes.push(Lane::New, Box::new(|| {})).is_ok());
    }

    #[tokio::test]
    async fn a_job_that_panics_fails_its_request_only() {
        let _alone = ONE_AT_A_TIME.lock().await;
        // More panics than threads: a thread lost to a panic would leave none.
        for _ in 0..=HASHING_THREADS {
            assert!(
                off_the_async_threads(Lane::Check, || panic!("a job that fails"))
                    .await
                    .is_err()
            );
        }
        let name = off_the_async_threads(Lane::Check, || {
            std::thread::current().name().map(str::to_owned)
        })
        .await
        .unwrap()
        .unwrap();
        assert!(name.starts_with("password-hashing-"), "{name}");
    }

    #[tokio::test]
    async fn a_job_whose_request_has_gone_is_skipped() {
        let _alone = ONE_AT_A_TIME.lock().await;
        let gate = occupy_every_hashing_thread();
        let ran = Arc::new(AtomicBool::new(false));
        let job_ran = Arc::clone(&ran);
        // Queued behind the busy threads, then given up, as a request that timed out.
        let waited = tokio::time::timeout(
            std::time::Duration::from_millis(20),
            off_the_async_threads(Lane::Check, move || job_ran.store(true, Ordering::SeqCst)),
        )
        .await;
        assert!(waited.is_err());
        gate.wait();
        // Everything queued is done, that job included: it was taken and skipped.
        wait_until_idle();
        assert!(!ran.load(Ordering::SeqCst));
    }

    #[tokio::test]
    async fn an_unknown_address_costs_a_hash_too() {
        let _alone = ONE_AT_A_TIME.lock().await;
        // Otherwise the answer comes sooner, and tells that the address has no account.
        let probe = "the password tried for an address without an account";
        assert!(!verify(probe.into(), None).await.unwrap());
        assert!(HASHED.lock().unwrap().iter().any(|hashed| hashed == probe));
    }

    #[test]
    fn hashes_agree_with_the_argon2_crates_own_in_both_directions() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};

        let ours = hash_now("correct horse battery staple").unwrap();
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(argon2()
            .verify_password(b"correct horse battery staple", &parsed)
            .is_ok());
        assert!(argon2().verify_password(b"wrong", &parsed).is_err());

        // Another salt and other parameters than ours: the stored hash says which to use.
        let salt = SaltString::encode_b64(b"sixteen byte salt").unwrap();
        let other_params = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8 * 1024, 1, 1, None).unwrap(),
        );
        let theirs = other_params
            .hash_password(b"correct horse battery staple", &salt)
            .unwrap()
            .to_string();
        assert!(matches("correct horse battery staple", &theirs).unwrap());
        assert!(!matches("correct horse battery stapler", &theirs).unwrap());
        assert!(matches("x", "not a PHC string").is_err());
    }

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let _alone = ONE_AT_A_TIME.lock().await;
        let stored = hash("correct horse battery staple".into()).await.unwrap();
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(
            verify("correct horse battery staple".into(), Some(stored.clone()))
                .await
                .unwrap()
        );
        assert!(!verify("wrong horse battery staple".into(), Some(stored))
            .await
            .unwrap());
        assert!(!verify("not the password of anyone".into(), None)
            .await
            .unwrap());
    }
}
