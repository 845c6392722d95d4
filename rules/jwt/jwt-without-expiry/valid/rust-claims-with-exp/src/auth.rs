use jsonwebtoken::{encode, EncodingKey, Header};

pub fn issue(sub: String, key: &EncodingKey, now: usize) -> String {
    let claims = Claims { sub, exp: now + 900 };
    encode(&Header::default(), &claims, key).expect("token")
}
