use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};

pub fn claims(token: &str, key: &DecodingKey) -> Option<Claims> {
    let mut validation = Validation::new(Algorithm::HS256);
    // expect: jwt-verification-disabled
    validation.insecure_disable_signature_validation();
    decode::<Claims>(token, key, &validation).ok().map(|d| d.claims)
}
