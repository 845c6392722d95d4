using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Shop.Data;

public class OrderRepository(SqlConnection connection, ShopContext db)
{
    public SqlDataReader ByStatus(string status)
    {
        // expect: sql-built-by-concatenation
        var command = new SqlCommand("SELECT Id, Total FROM Orders WHERE Status = '" + status + "'", connection);
        return command.ExecuteReader();
    }

    public List<Order> ByCustomer(string customer)
    {
        // expect: sql-built-by-concatenation
        return db.Orders.FromSqlRaw($"SELECT * FROM Orders WHERE Customer = '{customer}'").ToList();
    }

    public int Delete(string id)
    {
        var sql = string.Format("DELETE FROM Orders WHERE Id = '{0}'", id);
        // expect: sql-built-by-concatenation
        return db.Database.ExecuteSqlRaw(sql);
    }
}
