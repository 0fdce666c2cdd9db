/**
 * Backups taken while the application runs: the embedded H2 database and the attachments in one
 * archive. PostgreSQL installations use the database's own tools (README, "Backup and restore").
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup")
package cn.tierup.backup;
