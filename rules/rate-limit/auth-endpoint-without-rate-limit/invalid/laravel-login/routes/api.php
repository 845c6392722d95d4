<?php

use App\Http\Controllers\AuthController;
use App\Http\Controllers\MemberController;
use Illuminate\Support\Facades\Route;

// expect: auth-endpoint-without-rate-limit
Route::post('login', [AuthController::class, 'login']);
Route::get('members', [MemberController::class, 'index'])->middleware('throttle:60,1');
