package repositories

import slick.jdbc.PostgresProfile.api._

class OrderRepository(db: Database) {
  def byStatus(status: String) =
    db.run(sql"SELECT id, total FROM orders WHERE status = $status".as[(Long, BigDecimal)])

  def cancel(id: Long) =
    db.run(sqlu"UPDATE orders SET status = 'cancelled' WHERE id = $id")
}
