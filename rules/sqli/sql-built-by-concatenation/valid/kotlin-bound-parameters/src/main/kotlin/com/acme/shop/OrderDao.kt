package com.acme.shop

import org.springframework.jdbc.core.JdbcTemplate

class OrderDao(private val jdbc: JdbcTemplate) {
    companion object {
        const val TABLE = "orders"
    }

    fun byStatus(status: String): List<Map<String, Any>> =
        jdbc.queryForList("SELECT id, total FROM $TABLE WHERE status = ?", status)

    fun page(limit: Int): List<Map<String, Any>> = jdbc.queryForList("SELECT id FROM orders LIMIT $limit")
}
