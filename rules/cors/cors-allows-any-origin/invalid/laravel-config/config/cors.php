<?php

return [
    'paths' => ['api/*'],
    'allowed_methods' => ['*'],
    // expect: cors-allows-any-origin
    'allowed_origins' => explode(',', env('CORS_ALLOWED_ORIGINS', '*')),
    'allowed_headers' => ['*'],
    'supports_credentials' => false,
];
