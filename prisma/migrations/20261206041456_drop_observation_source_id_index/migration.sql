-- DropIndex
DROP INDEX "observation_source_id_idx";
