<?php

namespace App\Services;

use Firebase\JWT\JWT;

class Tokens
{
    public function issue(int $userId): string
    {
        $payload = ['sub' => $userId, 'iat' => time()];
        // expect: jwt-without-expiry
        return JWT::encode($payload, getenv('JWT_SECRET'), 'HS256');
    }
}
