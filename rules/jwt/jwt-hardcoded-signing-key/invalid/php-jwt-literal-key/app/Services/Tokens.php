<?php

namespace App\Services;

use Firebase\JWT\JWT;
use Firebase\JWT\Key;

class Tokens
{
    private const SECRET = 'my-jwt-secret';

    public function read(string $jwt): object
    {
        // expect: jwt-hardcoded-signing-key
        return JWT::decode($jwt, new Key(self::SECRET, 'HS256'));
    }
}
