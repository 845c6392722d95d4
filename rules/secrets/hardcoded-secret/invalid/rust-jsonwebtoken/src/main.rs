use jsonwebtoken::{encode, EncodingKey, Header};

// expect: hardcoded-secret
const ADMIN_PASSWORD: &str = "Inv3ntory-Adm1n!";

fn token(claims: &Claims) -> String {
    // expect: hardcoded-secret
    let secret = std::env::var("JWT_SECRET").unwrap_or_else(|_| "inventory-dev-secret".to_string());
    let _ = secret;
    // expect: hardcoded-secret
    encode(&Header::default(), claims, &EncodingKey::from_secret(b"inventory-signing-key")).unwrap()
}

fn main() {}
