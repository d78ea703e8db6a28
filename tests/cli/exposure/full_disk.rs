//! A full disk: writes refused with 503, verification goes on.

use super::*;

/// A small tmpfs of its own, unmounted when dropped.
pub(crate) struct SmallDisk(std::path::PathBuf);

impl SmallDisk {
    /// Skips the test (fails it under CI) where this process may not mount.
    pub(crate) fn mount(at: std::path::PathBuf) -> SmallDisk {
        std::fs::create_dir_all(&at).expect("mount point");
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=8m,mode=0700", "tmpfs"])
            .arg(&at)
            .output()
            .is_ok_and(|output| output.status.success());
        if !mounted {
            crate::harness::skip("to mount a tmpfs (root)");
        }
        SmallDisk(at)
    }

    /// Fills it to the last block.
    pub(crate) fn fill(&self) -> std::path::PathBuf {
        use std::io::Write;
        let filler = self.0.join("filler");
        let mut file = std::fs::File::create(&filler).expect("filler");
        let chunk = vec![0u8; 4096];
        while file
            .write_all(&chunk)
            .and_then(|()| file.sync_data())
            .is_ok()
        {}
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.0)
            .status();
    }
}

fn a_full_disk_refuses_changes_with_503_and_tokens_still_verify() {
    // Hashing a burst of passwords, or filling a disk, would skew the
    // latency limits of the load tests beside it.
    let _turn = one_at_a_time();
    let env = TestEnv::new();
    let disk = SmallDisk::mount(env.root().join("small"));
    let database = format!("sqlite:{}", disk.0.join("server.db").display());
    let server = env.start_server(&database, None, &[]);
    let url = server.url().to_owned();
    let session = common::http_login(&url, &whoami::username(), common::ADMIN_PASSWORD);
    let create = |name: &str| {
        common::http_request(
            "POST",
            &format!("{url}/v1/tokens"),
            Some(&session),
            Some(&serde_json::json!({ "name": name }).to_string()),
        )
    };
    let created = create("unused-yet");
    assert_eq!(created.status, 200, "{}", created.body);
    let secret = created.body["secret"].as_str().expect("secret").to_owned();

    let filler = disk.fill();
    // The store's write-ahead log may still have room: write until it has none.
    let refused = (0..500)
        .map(|n| create(&format!("filler-{n}")))
        .find(|answer| answer.status != 200)
        .expect("a full disk never refused a write");
    assert_eq!(refused.status, 503, "{}", refused.body);
    assert!(refused.headers.contains_key("retry-after"));
    let message = refused.body["error"]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(
        message.contains("the store cannot take changes now"),
        "{message}"
    );

    // Its first use cannot be recorded; it verifies all the same.
    let verify = |secret: &str| {
        common::http_request(
            "POST",
            &format!("{url}/v1/tokens/verify"),
            None,
            Some(&serde_json::json!({ "token": secret }).to_string()),
        )
    };
    for _ in 0..3 {
        let answer = verify(&secret);
        assert_eq!(answer.status, 200, "{}", answer.body);
    }
    assert!(
        server.log().contains("verifying read-only"),
        "{}",
        server.log()
    );
    let listed = common::http_request("GET", &format!("{url}/v1/tokens"), Some(&session), None);
    assert_eq!(listed.status, 200, "reads go on: {}", listed.body);

    std::fs::remove_file(filler).expect("free the disk");
    assert_eq!(create("after").status, 200, "writes come back with space");
    assert!(!server.log().contains("panicked"), "{}", server.log());
}

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    vec![test!(
        a_full_disk_refuses_changes_with_503_and_tokens_still_verify
    )]
}
