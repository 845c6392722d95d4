<?php

use App\Http\Controllers\Auth\LoginController;
use Illuminate\Support\Facades\Route;

// LoginController throttles attempts itself through the ThrottlesLogins trait.
Route::post('/login', [LoginController::class, 'login']);
