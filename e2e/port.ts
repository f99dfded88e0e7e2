/** The e2e server's port. INGAT_PORT_OFFSET lets several checkouts run their browser tests side by side. */
export const PORT = 3100 + Number(process.env.INGAT_PORT_OFFSET ?? 0);
