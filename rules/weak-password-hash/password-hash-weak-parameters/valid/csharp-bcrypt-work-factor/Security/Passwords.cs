namespace Shop.Security;

public static class Passwords
{
    public static string Hash(string password) => BCrypt.Net.BCrypt.HashPassword(password, 12);

    public static bool Check(string password, string hash) => BCrypt.Net.BCrypt.Verify(password, hash);
}
