package com.acme.shop

import org.springframework.jdbc.core.JdbcTemplate

class OrderDao(private val jdbc: JdbcTemplate) {
    fun byStatus(status: String): List<Map<String, Any>> {
        // expect: sql-built-by-concatenation
        return jdbc.queryForList("SELECT id, total FROM orders WHERE status = '$status'")
    }

    fun delete(id: String) {
        val sql = "DELETE FROM orders WHERE id = '" + id + "'"
        // expect: sql-built-by-concatenation
        jdbc.update(sql)
    }
}
