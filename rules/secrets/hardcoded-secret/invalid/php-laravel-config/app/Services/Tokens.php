<?php

namespace App\Services;

use Firebase\JWT\JWT;

// expect: hardcoded-secret
define('WEBHOOK_SECRET', 'whk-5Tq8Lm2Zx7Rb');

class Tokens
{
    public function issue(array $claims): string
    {
        // expect: hardcoded-secret
        return JWT::encode($claims, 'shop-jwt-key', 'HS256');
    }
}
