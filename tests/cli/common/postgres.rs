//! The test PostgreSQL database: where it is, and a query or statement on it.

/// The PostgreSQL server of this machine (trust auth), overridable.
pub fn postgres_url() -> String {
    std::env::var("TOKENCTL_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://root@127.0.0.1:5432/test".to_owned())
}

/// A runtime on the calling thread, for a test's own HTTP or SQL.
pub fn current_thread_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

/// Runs `work` on a new connection to the test PostgreSQL database.
pub(crate) fn on_test_postgres<T>(
    work: impl AsyncFnOnce(&mut sqlx::PgConnection) -> Result<T, sqlx::Error>,
) -> Result<T, String> {
    use sqlx::Connection;
    current_thread_runtime().block_on(async {
        let mut connection = sqlx::PgConnection::connect(&postgres_url())
            .await
            .map_err(|error| error.to_string())?;
        work(&mut connection)
            .await
            .map_err(|error| error.to_string())
    })
}

/// The first column of the first row `query` returns on the test
/// PostgreSQL database, as text.
pub fn postgres_text(query: &str) -> Result<Option<String>, String> {
    on_test_postgres(async |connection| {
        sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT ({query})::text")))
            .fetch_one(connection)
            .await
    })
}

/// Runs one statement on the test PostgreSQL database.
pub fn postgres_execute(statement: &str) -> Result<(), String> {
    on_test_postgres(async |connection| {
        sqlx::raw_sql(sqlx::AssertSqlSafe(statement.to_owned()))
            .execute(connection)
            .await
            .map(|_| ())
    })
}
