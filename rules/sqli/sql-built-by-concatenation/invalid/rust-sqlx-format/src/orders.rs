use sqlx::PgPool;

pub async fn by_status(pool: &PgPool, status: &str) -> Result<Vec<(i64,)>, sqlx::Error> {
    let sql = format!("SELECT id FROM orders WHERE status = '{}'", status);
    // expect: sql-built-by-concatenation
    sqlx::query_as(&sql).fetch_all(pool).await
}

pub async fn delete(pool: &PgPool, id: &str) -> Result<(), sqlx::Error> {
    let mut sql = String::from("DELETE FROM orders WHERE id = '");
    sql.push_str(id);
    sql.push('\'');
    // expect: sql-built-by-concatenation
    sqlx::query(&sql).execute(pool).await?;
    Ok(())
}
