using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Shop.Data;

public class OrderRepository(SqlConnection connection, ShopContext db)
{
    public SqlDataReader ByStatus(string status)
    {
        var command = new SqlCommand("SELECT Id, Total FROM Orders WHERE Status = @status", connection);
        command.Parameters.AddWithValue("@status", status);
        return command.ExecuteReader();
    }

    public List<Order> ByCustomer(string customer) =>
        db.Orders.FromSqlInterpolated($"SELECT * FROM Orders WHERE Customer = {customer}").ToList();

    public List<Order> Page(int limit) =>
        db.Orders.FromSqlRaw($"SELECT TOP {limit} * FROM Orders").ToList();
}
