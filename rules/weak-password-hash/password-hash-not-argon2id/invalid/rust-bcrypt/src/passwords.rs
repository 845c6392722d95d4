pub fn hash(password: &str) -> String {
    // expect: password-hash-not-argon2id
    bcrypt::hash(password, 12).expect("hash")
}
