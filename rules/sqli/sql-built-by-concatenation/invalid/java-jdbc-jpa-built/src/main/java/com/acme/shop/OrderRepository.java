package com.acme.shop;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

public class OrderRepository {
    private final Connection connection;
    private final EntityManager em;

    public OrderRepository(Connection connection, EntityManager em) {
        this.connection = connection;
        this.em = em;
    }

    public void cancel(String orderId) throws SQLException {
        Statement statement = connection.createStatement();
        // expect: sql-built-by-concatenation
        statement.executeUpdate("UPDATE orders SET status = 'cancelled' WHERE id = '" + orderId + "'");
    }

    public Object byCustomer(String customer) {
        String jpql = String.format("select o from Order o where o.customer = '%s'", customer);
        // expect: sql-built-by-concatenation
        return em.createQuery(jpql).getResultList();
    }

    public void archive(String status) throws SQLException {
        StringBuilder sql = new StringBuilder("DELETE FROM orders WHERE status = '");
        sql.append(status).append("'");
        // expect: sql-built-by-concatenation
        connection.prepareStatement(sql.toString()).executeUpdate();
    }
}
