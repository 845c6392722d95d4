use sqlx::PgPool;

const TABLE: &str = "orders";

pub async fn by_status(pool: &PgPool, status: &str) -> Result<Vec<(i64,)>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT id FROM {TABLE} WHERE status = $1"))
        .bind(status)
        .fetch_all(pool)
        .await
}

pub async fn page(pool: &PgPool, limit: i64) -> Result<Vec<(i64,)>, sqlx::Error> {
    sqlx::query_as(&format!("SELECT id FROM orders LIMIT {}", limit)).fetch_all(pool).await
}
