//! OAuth2 provider tokens against a real OAuth 2.0 / OpenID Connect server:
//! oidc-provider (tests/oauth_server) on a loopback port. The sign-in pages
//! are driven by a scripted HTTP client that follows redirects, keeps
//! cookies and submits the pages' forms — no browser, no mock.

use crate::common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};
use std::time::Duration;

use common::{TestEnv, assert_fails, assert_success, code, stderr, stdout};
use serde_json::Value;

mod entries;
mod export_import;
mod grants;
pub(crate) mod harness;
mod notices;
use entries::add_google;
use export_import::{FULL_EXPORT, write};
use harness::*;

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [
        entries::tests(),
        export_import::tests(),
        grants::tests(),
        notices::tests(),
    ]
    .concat()
}
