import { Drawer } from 'antd';
import { SideMenu } from './SideMenu';

/** The side menu as a drawer from the left: the frame on a phone (< 768 px) opens it from the header. */
export function MenuDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Drawer placement="left" open={open} onClose={onClose} size={280} title="法治水务" styles={{ body: { padding: 0 } }} data-testid="menu-drawer">
      <SideMenu />
    </Drawer>
  );
}
