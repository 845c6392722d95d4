<?php

namespace App\Repositories;

use Illuminate\Support\Facades\DB;
use PDO;

class OrderRepository
{
    public function __construct(private PDO $pdo)
    {
    }

    public function byStatus(string $status): array
    {
        $sql = "SELECT id, total FROM orders WHERE status = '" . $status . "'";
        // expect: sql-built-by-concatenation
        return $this->pdo->query($sql)->fetchAll();
    }

    public function search(string $term): array
    {
        // expect: sql-built-by-concatenation
        return DB::select("SELECT id FROM orders WHERE note LIKE '%{$term}%'");
    }

    public function sorted(): array
    {
        // expect: sql-built-by-concatenation
        return DB::table('orders')->orderByRaw($_GET['sort'] . ' DESC')->get()->all();
    }
}
