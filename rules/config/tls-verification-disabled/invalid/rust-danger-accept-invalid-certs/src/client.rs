pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        // expect: tls-verification-disabled
        .danger_accept_invalid_certs(true)
        .build()
        .expect("client")
}
