<?php

$origin = $_SERVER['HTTP_ORIGIN'] ?? '';
// expect: cors-reflects-request-origin
header("Access-Control-Allow-Origin: $origin");
header('Access-Control-Allow-Credentials: true');
echo json_encode(['status' => 'ok']);
