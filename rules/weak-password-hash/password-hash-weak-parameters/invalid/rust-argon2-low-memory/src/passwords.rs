use argon2::{Algorithm, Argon2, Params, Version};

pub fn hasher() -> Argon2<'static> {
    let params = Params::new(4096, 1, 1, None).expect("valid params");
    // expect: password-hash-weak-parameters
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}
