<?php

namespace App\Services;

class Accounts
{
    public function register(array $input): array
    {
        $hash = password_hash($input['password'], PASSWORD_ARGON2ID);
        $etag = md5(json_encode($input['profile']));
        return ['password' => $hash, 'etag' => $etag];
    }
}
