<?php

return [
    'stripe' => [
        // expect: hardcoded-secret
        'secret' => env('STRIPE_SECRET', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'),
        'currency' => 'eur',
    ],
    'mailer' => [
        // expect: hardcoded-secret
        'password' => 'Sh0p-Mailer-Pass!',
        'username' => 'shop',
    ],
];
