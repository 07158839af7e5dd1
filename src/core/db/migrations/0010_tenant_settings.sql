-- The bureau's own settings, switched by its admin (系统管理 → 系统设置, PUT /api/system/settings):
-- `watermark` lays a faint watermark with the signed-in user's name and the date over the desktop app
-- (屏幕水印, common in government systems so that a photographed screen names who showed it). Off
-- unless the admin turns it on.
ALTER TABLE tenant ADD COLUMN watermark boolean NOT NULL DEFAULT false;
