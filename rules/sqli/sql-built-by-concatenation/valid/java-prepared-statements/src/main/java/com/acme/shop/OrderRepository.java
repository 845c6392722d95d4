package com.acme.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

public class OrderRepository {
    private static final String TABLE = "orders";
    private final Connection connection;

    public OrderRepository(Connection connection) {
        this.connection = connection;
    }

    public void cancel(String orderId) throws SQLException {
        PreparedStatement ps = connection.prepareStatement("UPDATE " + TABLE + " SET status = 'cancelled' WHERE id = ?");
        ps.setString(1, orderId);
        ps.executeUpdate();
    }

    public void page(int limit, boolean newestFirst) throws SQLException {
        final String order = newestFirst ? "created_at DESC" : "created_at ASC";
        connection.prepareStatement("SELECT id FROM orders ORDER BY " + order + " LIMIT " + limit).executeQuery();
    }
}
