namespace Shop.Clients;

public static class Gateway
{
    public static HttpClient Create()
    {
        var handler = new HttpClientHandler();
        // expect: tls-verification-disabled
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true;
        return new HttpClient(handler);
    }
}
