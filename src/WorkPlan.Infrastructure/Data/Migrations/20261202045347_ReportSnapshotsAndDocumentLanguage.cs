using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WorkPlan.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportSnapshotsAndDocumentLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "submission_count",
                table: "report_submissions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "document_language",
                table: "organisations",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "uz");

            migrationBuilder.CreateTable(
                name: "report_snapshots",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    report_submission_id = table.Column<long>(type: "bigint", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    document = table.Column<string>(type: "jsonb", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    return_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    excel_file = table.Column<byte[]>(type: "bytea", nullable: true),
                    pdf_file = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report_snapshots", x => x.id);
                    table.ForeignKey(
                        name: "fk_report_snapshots_report_submissions_report_submission_id",
                        column: x => x.report_submission_id,
                        principalTable: "report_submissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_report_snapshots_report_submission_id_number",
                table: "report_snapshots",
                columns: new[] { "report_submission_id", "number" },
                unique: true);

            // Every report submitted so far becomes its submission number 1, with its snapshot and files.
            migrationBuilder.Sql("""
                INSERT INTO report_snapshots (report_submission_id, number, document, submitted_at, submitted_by, outcome, decided_at, decided_by, return_reason, excel_file, pdf_file)
                SELECT id, 1, snapshot, submitted_at, coalesce(submitted_by, ''), status, decided_at, decided_by,
                       CASE WHEN status = 'Returned' THEN return_reason END, excel_file, pdf_file
                FROM report_submissions
                WHERE snapshot IS NOT NULL AND submitted_at IS NOT NULL;
                UPDATE report_submissions SET submission_count = 1 WHERE snapshot IS NOT NULL AND submitted_at IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "excel_file",
                table: "report_submissions");

            migrationBuilder.DropColumn(
                name: "pdf_file",
                table: "report_submissions");

            migrationBuilder.DropColumn(
                name: "snapshot",
                table: "report_submissions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_snapshots");

            migrationBuilder.DropColumn(
                name: "submission_count",
                table: "report_submissions");

            migrationBuilder.DropColumn(
                name: "document_language",
                table: "organisations");

            migrationBuilder.AddColumn<byte[]>(
                name: "excel_file",
                table: "report_submissions",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "pdf_file",
                table: "report_submissions",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "snapshot",
                table: "report_submissions",
                type: "jsonb",
                nullable: true);
        }
    }
}
