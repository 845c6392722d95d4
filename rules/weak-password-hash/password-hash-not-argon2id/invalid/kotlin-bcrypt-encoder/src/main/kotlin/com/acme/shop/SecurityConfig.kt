package com.acme.shop

import org.springframework.context.annotation.Bean
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder

class SecurityConfig {
    @Bean
    // expect: password-hash-not-argon2id
    fun passwordEncoder() = BCryptPasswordEncoder(12)
}
