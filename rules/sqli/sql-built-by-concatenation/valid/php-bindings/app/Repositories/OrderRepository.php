<?php

namespace App\Repositories;

use Illuminate\Support\Facades\DB;
use PDO;

class OrderRepository
{
    private const TABLE = 'orders';

    public function __construct(private PDO $pdo)
    {
    }

    public function byStatus(string $status): array
    {
        $stmt = $this->pdo->prepare('SELECT id, total FROM ' . self::TABLE . ' WHERE status = ?');
        $stmt->execute([$status]);
        return $stmt->fetchAll();
    }

    public function search(string $term): array
    {
        return DB::select('SELECT id FROM orders WHERE note LIKE ?', ['%' . $term . '%']);
    }

    public function page(int $limit): array
    {
        return DB::select("SELECT id FROM orders LIMIT $limit");
    }
}
