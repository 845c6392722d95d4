using System.Security.Cryptography;
using System.Text;

namespace Shop.Security;

public class PasswordHasher
{
    public byte[] Hash(string password, byte[] salt)
    {
        // expect: password-hashed-with-fast-hash
        using var hmac = new HMACSHA512(salt);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(password));
    }
}
