// Stands in for the `server-only` package under Vitest (outside Next's react-server build it throws).
export {};
