<?php

namespace App\Services;

class Accounts
{
    public function register(array $input): array
    {
        // expect: password-hashed-with-fast-hash
        $hash = md5($input['password']);
        return ['email' => $input['email'], 'password' => $hash];
    }
}
