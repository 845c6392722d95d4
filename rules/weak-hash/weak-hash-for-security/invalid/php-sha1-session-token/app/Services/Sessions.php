<?php

namespace App\Services;

class Sessions
{
    public function newToken(int $userId): string
    {
        // expect: weak-hash-for-security
        $token = sha1($userId . microtime());
        return $token;
    }
}
