using System.Security.Cryptography;

namespace Shop.Security;

public static class Tokens
{
    public static byte[] Fingerprint(byte[] token) => SHA256.HashData(token);
}
