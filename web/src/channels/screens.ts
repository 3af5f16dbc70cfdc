export { ChannelDetailPage } from './channel-detail-page.tsx';
export { EditChannelPage, NewChannelPage } from './channel-form-page.tsx';
export { ChannelsPage } from './channels-page.tsx';
