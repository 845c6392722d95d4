package repositories

import slick.jdbc.PostgresProfile.api._

class OrderRepository(db: Database) {
  def sortedBy(column: String) = {
    // expect: sql-built-by-concatenation
    db.run(sql"SELECT id, total FROM orders ORDER BY #$column".as[(Long, BigDecimal)])
  }

  def byStatus(status: String) = {
    val query = s"SELECT id FROM orders WHERE status = '$status'"
    // expect: sql-built-by-concatenation
    anorm.SQL(query)
  }
}
