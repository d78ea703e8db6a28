//! Authority never grows: every way of handing out authority is capped by
//! what the actor holds, and only a person's login changes who holds what.
//! One test per finding of the attack report, through the CLI and raw HTTP,
//! on SQLite and PostgreSQL; and every cell of README's credential matrix.

use crate::common;

use common::{
    ADMIN_PASSWORD, Backend, HttpAnswer, TestEnv, assert_fails, code, http_exchange, http_login,
    http_request, stderr, stdout, totp_code,
};
use serde_json::{Value, json};
use tokenctl::model::Permission;

mod finality;
mod grants;
mod harness;
mod matrix;
use harness::*;

pub(crate) fn tests() -> Vec<crate::harness::Test> {
    [finality::tests(), grants::tests(), matrix::tests()].concat()
}
