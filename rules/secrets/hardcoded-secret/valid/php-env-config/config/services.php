<?php

return [
    'stripe' => [
        'secret' => env('STRIPE_SECRET'),
        'key' => env('STRIPE_KEY', ''),
    ],
    'mailer' => [
        'password' => env('MAIL_PASSWORD'),
    ],
    'rules' => [
        'password' => 'required|string|min:8|confirmed',
    ],
];
