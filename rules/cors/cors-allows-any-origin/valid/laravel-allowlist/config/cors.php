<?php

return [
    'paths' => ['api/*'],
    'allowed_origins' => ['https://shop.example.org'],
    'allowed_origins_patterns' => [],
    'supports_credentials' => true,
];
