package com.acme.shop

import java.security.MessageDigest

class Webhooks(private val secret: String) {
    fun signature(body: String): ByteArray {
        // expect: weak-hash-for-security
        val md = MessageDigest.getInstance("MD5")
        md.update((secret + body).toByteArray())
        return md.digest()
    }
}
