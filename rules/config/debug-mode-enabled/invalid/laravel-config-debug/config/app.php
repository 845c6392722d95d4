<?php

return [
    'name' => env('APP_NAME', 'Shop'),
    // expect: debug-mode-enabled
    'debug' => true,
    'url' => env('APP_URL', 'http://localhost'),
];
